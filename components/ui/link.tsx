"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * The portal's link: next/link, prefetching when the user reaches for it (a finger on it, the
 * pointer over it, keyboard focus) instead of when it scrolls into view. Next 16 prefetches every
 * visible link of a dynamic page with two server requests each: 15 to 29 per patient page, work
 * for a phone's main thread and the server right after load (docs/benchmarks.md, issue 20).
 * `prefetch={false}` keeps a link from prefetching at all.
 */
export function Link({
  prefetch,
  onMouseEnter,
  onTouchStart,
  onFocus,
  ...props
}: ComponentProps<typeof NextLink>) {
  const router = useRouter();
  const href = typeof props.href === "string" ? props.href : null;
  const intent = () => {
    if (prefetch !== false && href?.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      prefetch={false}
      onMouseEnter={(event) => {
        intent();
        onMouseEnter?.(event);
      }}
      onTouchStart={(event) => {
        intent();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        intent();
        onFocus?.(event);
      }}
    />
  );
}
