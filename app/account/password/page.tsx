import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentActor } from "@/server/auth/session";
import { roleHome } from "@/server/authz/policy";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  return (
    <>
      <PageHeader
        title={actor.mustChangePassword ? "Choose your password" : "Change password"}
        description="Your other sessions end when you change it; this one stays signed in."
      />
      <div className="max-w-xl space-y-4">
        {actor.mustChangePassword ? (
          <Alert tone="info" title="Your account has a temporary password">
            Choose your own password to continue. Enter the temporary password you were given, then
            your new one.
          </Alert>
        ) : null}
        <Card>
          <ChangePasswordForm
            email={actor.email}
            temporary={actor.mustChangePassword}
            home={roleHome[actor.role]}
          />
        </Card>
      </div>
    </>
  );
}
