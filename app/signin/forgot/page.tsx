import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { SignInFrame } from "@/components/auth/sign-in-frame";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <SignInFrame
      title="Reset your password"
      description="Enter the email address you sign in with. We email you a link to choose a new password."
    >
      <ForgotPasswordForm />
    </SignInFrame>
  );
}
