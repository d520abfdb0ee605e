"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Field, Input, Select } from "@/components/ui/field";

type Option = { value: string; label: string };

/**
 * The caseload's filters, applied as they change and kept in the URL (a typed search after a short
 * pause; a search opens the "All" tab, so that it finds a patient in any state and the tabs count
 * its matches). Without JavaScript the form still submits as GET.
 */
export function CaseloadFilters({
  search,
  category,
  flag,
  categories,
  flags,
}: {
  search: string;
  category: string;
  flag: string;
  categories: Option[];
  flags: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [text, setText] = useState(search);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function apply(changes: Record<string, string>) {
    const next = new URLSearchParams(params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page");
    const query = next.toString();
    startTransition(() =>
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }),
    );
  }

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return (
    <search aria-label="Filter the caseload">
      <form
        className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-[1fr_14rem_14rem] lg:items-end"
        onSubmit={(event) => {
          event.preventDefault();
          apply({ q: text.trim(), state: "" });
        }}
        aria-busy={pending}
      >
        <Field
          id="q"
          label="Name, MRN, email or date of birth"
          className="col-span-2 lg:col-span-1"
        >
          <Input
            id="q"
            name="q"
            type="search"
            value={text}
            maxLength={200}
            autoComplete="off"
            onChange={(event) => {
              const value = event.target.value;
              setText(value);
              if (timer.current) clearTimeout(timer.current);
              // A new search looks in every state: the tabs then count its patients.
              timer.current = setTimeout(() => apply({ q: value.trim(), state: "" }), 300);
            }}
          />
        </Field>
        <Field id="category" label="Outcome">
          <Select
            id="category"
            name="category"
            value={category}
            onChange={(event) => apply({ category: event.target.value })}
          >
            <option value="">All outcomes</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="flag" label="Flag">
          <Select
            id="flag"
            name="flag"
            value={flag}
            onChange={(event) => apply({ flag: event.target.value })}
          >
            <option value="">Any or none</option>
            {flags.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </Field>
        {["state", "sort", "dir"].map((key) => {
          const value = params.get(key);
          return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
        })}
        <button type="submit" className="sr-only">
          Apply filters
        </button>
      </form>
    </search>
  );
}
