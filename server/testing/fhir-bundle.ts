// A small Bundle of one patient as this portal exports it (server/fhir/map.ts): a procedure with its
// baseline and two diary entries, for the FHIR import's tests (authorization matrix, bad input, e2e).
import { randomUUID } from "node:crypto";
import { patientBundle } from "@/server/fhir/map";

export function sampleBundle(opts: { email: string; name?: string; mrn?: string; today: string }) {
  const patientId = randomUUID();
  const procedureId = randomUUID();
  const day = (n: number) => {
    const d = new Date(`${opts.today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const entry = (offset: number, pain: number) => ({
    id: randomUUID(),
    patientId,
    procedureId,
    entryDate: day(offset),
    painAverage: pain,
    locations: ["knee:left"],
    qualities: ["aching"],
    siteSoreness: false,
    enjoyment: 3,
    activity: 4,
    pgic: null,
    checkInDay: null,
    updatedAt: new Date(`${day(offset)}T12:00:00Z`),
  });
  return patientBundle(
    {
      patient: {
        id: patientId,
        name: opts.name ?? "Imported Person",
        email: opts.email,
        active: true,
        birthDate: "1960-03-02",
        mrn: opts.mrn ?? null,
      },
      procedures: [
        {
          id: procedureId,
          patientId,
          performedOn: day(-30),
          modality: "cryoablation",
          region: "knee",
          side: "left",
          target: "",
          targets: [],
          rfVariant: null,
          imaging: null,
          lesionTempC: null,
          lesionSeconds: null,
          lesionCount: null,
          probeGauge: null,
          activeTipMm: null,
          baselinePain: 7,
          baselineInterference: 6,
          baselineLocations: ["knee:left"],
          baselineQualities: ["aching"],
        },
      ],
      entries: [entry(-20, 4), entry(-10, 3)],
      decisions: [],
    },
    { baseUrl: "https://clinic.test/api/fhir", timestamp: new Date(), audience: "staff" },
  );
}
