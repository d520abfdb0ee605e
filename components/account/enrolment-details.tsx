/** What setting up an authenticator shows once: the QR code, the secret as text, recovery codes. */
export function EnrolmentDetails({
  qrSvg,
  secret,
  recoveryCodes,
}: {
  qrSvg: string;
  secret: string;
  recoveryCodes: string[];
}) {
  return (
    <div className="space-y-5">
      <div>
        <h3 className="font-semibold text-slate-900">
          1. Scan this code with your authenticator app
        </h3>
        <div className="mt-3 flex flex-col gap-4 sm:flex-row sm:items-start">
          <div
            role="img"
            aria-label="QR code for your authenticator app"
            className="size-44 shrink-0 rounded-lg border border-slate-200 bg-white p-2"
            // Generated on our server by the qrcode library from the otpauth URI: no user input.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: an SVG we generated
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <div className="min-w-0 text-sm text-slate-700">
            <p>Cannot scan it? Enter this key in the app instead (time-based, 6 digits):</p>
            <p
              className="mt-2 break-all rounded-lg bg-slate-100 px-3 py-2 font-mono text-base tracking-wider text-slate-900"
              data-testid="mfa-secret"
            >
              {secret.match(/.{1,4}/g)?.join(" ")}
            </p>
          </div>
        </div>
      </div>
      <div>
        <h3 className="font-semibold text-slate-900">2. Keep these recovery codes safe</h3>
        <p className="mt-1 text-sm text-slate-700">
          Each works once if you lose your phone. They are shown only now: print them or store them
          in a password manager.
        </p>
        <ul
          className="mt-3 grid grid-cols-2 gap-2 rounded-lg bg-slate-100 p-3 font-mono text-sm text-slate-900 sm:grid-cols-5"
          aria-label="Recovery codes"
        >
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
