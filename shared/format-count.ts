// Counts and limits in words ("2,000 characters"), for the pages and for the rules' messages that
// the browser builds as it loads. Written out instead of `toLocaleString`: a browser's first use of
// Intl loads its locale data, a 50 ms task on a phone-class CPU (4 × that under Lighthouse's mobile
// preset), and these run while a page starts (docs/benchmarks.md, issue 20).

/** The digits of a whole number, thousands separated by commas: "1234567" -> "1,234,567". */
export function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A count with thousands separated, rounded to a whole number: 1234 -> "1,234", -2.5 -> "-3". */
export function formatCount(n: number): string {
  const whole = Math.round(Math.abs(n));
  return `${n < 0 && whole !== 0 ? "-" : ""}${groupThousands(String(whole))}`;
}
