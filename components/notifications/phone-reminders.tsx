"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { formatDayOf } from "@/components/format";
import { errorMessage, useTRPC } from "@/components/trpc/react";
import { Button } from "@/components/ui/button";
import { deviceName } from "@/shared/device-name";

type Device = { id: string; device: string; createdAt: Date; lastSentAt: Date | null };
type Support = "checking" | "yes" | "no" | "blocked";

/**
 * "Reminders on this phone" (docs/decisions/040-push-and-texts.md): asks the browser for
 * permission, subscribes the installed portal's service worker with the portal's VAPID key, and
 * lists the devices that get reminders, each removable.
 */
export function PhoneReminders({
  devices,
  publicKey,
  timeZone,
}: {
  devices: Device[];
  publicKey: string;
  timeZone: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const subscribe = useMutation(trpc.notifications.subscribePush.mutationOptions());
  const remove = useMutation(trpc.notifications.removePushDevice.mutationOptions());
  const [support, setSupport] = useState<Support>("checking");
  // Whether this browser already has a subscription (turned on here, or before on this phone).
  const [here, setHere] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // A subscription this browser already has (and the patient has a device) means this phone gets
  // reminders; turning them on here says so itself. Never taken back by a later look.
  const hasDevices = devices.length > 0;
  useEffect(() => {
    const can = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
    setSupport(!can ? "no" : Notification.permission === "denied" ? "blocked" : "yes");
    if (can && hasDevices)
      navigator.serviceWorker
        .getRegistration()
        .then((r) => r?.pushManager.getSubscription())
        .then((s) => {
          if (s) setHere(true);
        })
        .catch(() => {});
  }, [hasDevices]);

  async function turnOn() {
    setBusy(true);
    setError(null);
    try {
      if ((await Notification.requestPermission()) !== "granted") {
        setSupport("blocked");
        return;
      }
      await navigator.serviceWorker.register("/sw.js");
      const registration = await navigator.serviceWorker.ready;
      const subscription =
        (await registration.pushManager.getSubscription()) ??
        (await registration.pushManager.subscribe({
          userVisibleOnly: true,
          applicationServerKey: publicKey,
        }));
      const json = subscription.toJSON();
      await subscribe.mutateAsync({
        endpoint: json.endpoint ?? subscription.endpoint,
        p256dh: json.keys?.p256dh ?? "",
        auth: json.keys?.auth ?? "",
        device: deviceName(navigator.userAgent),
      });
      setHere(true);
      toast.success("Reminders are on for this device.");
      router.refresh();
    } catch (e) {
      setError(
        e instanceof DOMException
          ? "This browser could not turn reminders on. Please try again, or use email or texts."
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  }

  async function removeDevice(device: Device) {
    setError(null);
    try {
      await remove.mutateAsync({ id: device.id });
      toast.success(`${device.device} no longer gets reminders.`);
      router.refresh();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        A check-in reminder appears on your lock screen. It says only that a check-in is waiting.
      </p>
      {devices.length > 0 ? (
        <ul aria-label="Devices that get reminders" className="divide-y divide-slate-200">
          {devices.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="block text-slate-900">{d.device}</span>
                <span className="block text-sm text-slate-600">
                  Since {formatDayOf(d.createdAt, timeZone)}
                </span>
              </span>
              <Button
                variant="secondary"
                onClick={() => removeDevice(d)}
                disabled={remove.isPending}
                aria-label={`Remove ${d.device}`}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {support === "no" ? (
        <p className="text-sm text-slate-700">
          This browser cannot show reminders. On an iPhone, add the portal to your Home Screen
          (Share, then Add to Home Screen) and open it from there.
        </p>
      ) : support === "blocked" ? (
        <p className="text-sm text-slate-700">
          Notifications are blocked for this site. Allow them in your browser's settings, then come
          back here.
        </p>
      ) : here ? (
        <p className="text-sm text-slate-700">This phone gets reminders.</p>
      ) : (
        <Button onClick={turnOn} disabled={busy || support === "checking"}>
          {busy ? "Turning on…" : "Turn on reminders on this phone"}
        </Button>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
