import type { Metadata } from "next";
import { PasswordLinkPage } from "@/components/auth/password-link-page";
import { serverApi } from "@/server/api/server";

export const metadata: Metadata = {
  title: "Choose a new password",
  // the link is a secret: it must not leak through the Referer header or into an index
  referrer: "no-referrer",
  robots: { index: false },
};

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await (await serverApi()).passwordReset.check({ token: token.slice(0, 200) });
  return <PasswordLinkPage purpose="password_reset" token={token} link={link} />;
}
