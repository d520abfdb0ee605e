// The management strategies (docs/clinical-rules.md#vocabularies) in plain words for the patient. Wording only.
import type { Strategy } from "@/server/outcomes/vocab";

export const planWords: Record<Strategy, { title: string; text: string }> = {
  continue_monitoring: {
    title: "Keep going with your diary",
    text: "Keep recording your pain. Your care team follows how you are doing and will look again at your next check-in.",
  },
  re_evaluation: {
    title: "A closer look at the cause of your pain",
    text: "Your care team wants to check again where the pain comes from, for example with new scans or a test injection.",
  },
  repeat_ablation: {
    title: "Another ablation",
    text: "Repeating the procedure on the same nerves. It often helps again, especially when the first one gave relief.",
  },
  physical_therapy: {
    title: "Physical therapy",
    text: "Exercises with a physiotherapist to build strength and movement, so that you can do more with less pain.",
  },
  medication_adjustment: {
    title: "A change to your pain medicine",
    text: "Adjusting your pain medicine, which may include medicine that calms irritated nerves.",
  },
  epidural_steroid_injection: {
    title: "A steroid injection near the spine",
    text: "An injection that calms inflammation around the nerves in your spine.",
  },
  facet_joint_injection: {
    title: "An injection into the small joints of the spine",
    text: "An injection into the joints of your spine, to find out whether they cause the pain and to ease it.",
  },
  sacroiliac_joint_injection: {
    title: "An injection into the joint at the base of your spine",
    text: "An injection into the sacroiliac joint, where your spine meets your pelvis, to find out whether it causes the pain and to ease it.",
  },
  intra_articular_injection: {
    title: "An injection into the joint",
    text: "An injection into the painful joint itself (your knee, hip or shoulder), to ease pain that comes from inside the joint.",
  },
  spinal_cord_stimulation: {
    title: "Spinal cord stimulation",
    text: "A small implanted device that sends gentle signals to the spinal cord to reduce pain. Your care team will explain it first.",
  },
  peripheral_nerve_stimulation: {
    title: "Nerve stimulation",
    text: "A small device that sends gentle signals to the nerve that carries the pain.",
  },
  psychological_support: {
    title: "Support for living with pain",
    text: "Sessions with a pain psychologist, who helps with coping, sleep and getting back to activities.",
  },
  complementary_therapy: {
    title: "Complementary therapy",
    text: "Approaches such as acupuncture or massage alongside your other care.",
  },
  surgical_consultation: {
    title: "A talk with a surgeon",
    text: "A surgeon will look at whether an operation could help, for example when scans show a narrowed spine or a disc problem.",
  },
};
