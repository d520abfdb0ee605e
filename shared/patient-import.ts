import { parseCsv } from "./csv";
import { formatCount } from "./format-count";

/**
 * Bulk import of patients from a CSV file (name, email, provider email; optionally date of birth,
 * MRN and phone). Pure: the browser reads
 * the file with `planPatientImport`, then `runPatientImport` sends it to the server in chunks
 * (one transaction each) so that the page can show real progress.
 */

/** One data row as read from the file; `row` is its row number in a spreadsheet (header = 1). */
export type ImportRowInput = {
  row: number;
  name: string;
  email: string;
  providerEmail: string;
  /**
   * Optional columns (docs/decisions/012-patient-identity-and-presentation.md): absent when the
   * file has no such column.
   */
  dateOfBirth?: string;
  mrn?: string;
  phone?: string;
};

export type ImportRowStatus = "created" | "exists" | "assigned" | "invalid";
export type ImportRowResult = { row: number; status: ImportRowStatus; message: string };

export type ImportPlan = { rows: ImportRowInput[]; rejected: ImportRowResult[] };

export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_CHUNK_SIZE = 50;
/** The most rows one server call takes (the chunk size, with room to spare). */
export const IMPORT_MAX_CHUNK = 100;

const HEADERS: Record<string, keyof Omit<ImportRowInput, "row">> = {
  name: "name",
  patientname: "name",
  fullname: "name",
  email: "email",
  patientemail: "email",
  provideremail: "providerEmail",
  provider: "providerEmail",
  dateofbirth: "dateOfBirth",
  birthdate: "dateOfBirth",
  dob: "dateOfBirth",
  mrn: "mrn",
  medicalrecordnumber: "mrn",
  phone: "phone",
  telephone: "phone",
  phonenumber: "phone",
};

const normalizeHeader = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Reads the file: the header row names the columns (in any order); empty rows are skipped;
 * a second row with an email seen before is rejected as a duplicate and never sent.
 */
export function planPatientImport(text: string): ImportPlan | { error: string } {
  const records = parseCsv(text);
  const header = records[0]?.map(normalizeHeader) ?? [];
  const column = (key: keyof Omit<ImportRowInput, "row">) =>
    header.findIndex((h) => HEADERS[h] === key);
  const columns = {
    name: column("name"),
    email: column("email"),
    providerEmail: column("providerEmail"),
    dateOfBirth: column("dateOfBirth"),
    mrn: column("mrn"),
    phone: column("phone"),
  };
  if (columns.name < 0 || columns.email < 0 || columns.providerEmail < 0)
    return {
      error: "The first row must name the columns: name, email, provider email.",
    };
  const rows: ImportRowInput[] = [];
  const rejected: ImportRowResult[] = [];
  const firstRowOf = new Map<string, number>();
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    if (record.every((cell) => cell.trim() === "")) return;
    // The server checks every cell; longer than this is invalid anyway, so it is cut for the trip.
    const cell = (i: number) => (record[i] ?? "").slice(0, 1000);
    const input: ImportRowInput = {
      row,
      name: cell(columns.name),
      email: cell(columns.email),
      providerEmail: cell(columns.providerEmail),
    };
    if (columns.dateOfBirth >= 0) input.dateOfBirth = cell(columns.dateOfBirth);
    if (columns.mrn >= 0) input.mrn = cell(columns.mrn);
    if (columns.phone >= 0) input.phone = cell(columns.phone);
    const key = normalizeEmail(input.email);
    const first = key ? firstRowOf.get(key) : undefined;
    if (first !== undefined) {
      rejected.push({ row, status: "invalid", message: `Same email as row ${first}.` });
      return;
    }
    if (key) firstRowOf.set(key, row);
    rows.push(input);
  });
  if (rows.length + rejected.length === 0)
    return { error: "The file has no rows below the header." };
  if (rows.length + rejected.length > IMPORT_MAX_ROWS)
    return {
      error: `The file has ${formatCount(rows.length + rejected.length)} rows; import at most ${formatCount(IMPORT_MAX_ROWS)} at a time.`,
    };
  return { rows, rejected };
}

/** Sends the plan chunk by chunk and returns every row's result, in row order. */
export async function runPatientImport(
  plan: ImportPlan,
  send: (rows: ImportRowInput[]) => Promise<ImportRowResult[]>,
  onProgress?: (done: number, total: number) => void,
  chunkSize = IMPORT_CHUNK_SIZE,
): Promise<ImportRowResult[]> {
  const results = [...plan.rejected];
  const total = plan.rows.length;
  onProgress?.(0, total);
  for (let start = 0; start < total; start += chunkSize) {
    const chunk = plan.rows.slice(start, start + chunkSize);
    results.push(...(await send(chunk)));
    onProgress?.(Math.min(start + chunk.length, total), total);
  }
  return results.sort((a, b) => a.row - b.row);
}

export function summarizeImport(results: readonly ImportRowResult[]) {
  const count = (status: ImportRowStatus) => results.filter((r) => r.status === status).length;
  return {
    created: count("created"),
    exists: count("exists"),
    assigned: count("assigned"),
    invalid: count("invalid"),
  };
}
