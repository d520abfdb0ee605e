"use client";

import { type ComponentProps, useState } from "react";
import { Input } from "./field";

/**
 * A password field with a "Show" button beside it, so that a person on a phone can check what
 * they typed. The button names itself "Show password" or "Hide password" to a screen reader.
 */
export function PasswordInput({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  const [shown, setShown] = useState(false);
  return (
    <div className="relative">
      <Input {...props} type={shown ? "text" : "password"} className={`pr-20 ${className ?? ""}`} />
      <button
        type="button"
        onClick={() => setShown((s) => !s)}
        aria-controls={props.id}
        className="absolute inset-y-0 right-0 flex min-h-11 min-w-16 items-center justify-center rounded-r-lg px-3 text-sm font-medium text-brand-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {shown ? "Hide" : "Show"}
        <span className="sr-only"> password</span>
      </button>
    </div>
  );
}
