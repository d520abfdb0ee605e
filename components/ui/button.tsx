import type { ComponentProps } from "react";
import { Link } from "@/components/ui/link";
import { buttonClass, type Size, type Variant } from "./button-class";

export { buttonClass };

export function Button({
  variant = "primary",
  size = "md",
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}

export function ButtonLink({
  variant = "primary",
  size = "md",
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant; size?: Size }) {
  return <Link className={buttonClass(variant, size, className)} {...props} />;
}

/** A file the server generates (PDF, CSV, JSON): a plain download link, not a client navigation. */
export function DownloadLink({
  variant = "secondary",
  size = "md",
  className,
  ...props
}: ComponentProps<"a"> & { variant?: Variant; size?: Size }) {
  return <a download className={buttonClass(variant, size, className)} {...props} />;
}
