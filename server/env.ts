import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { type Keyring, newKeyEntry, parseKeyring } from "@/server/crypto/secrets";
import { isTimeZone } from "@/shared/time-zone";

/** The sender's name of the default MAIL_FROM: replaced by the clinic's name once it is set. */
export const DEFAULT_SENDER_NAME = "Patient portal";

/**
 * The environment, parsed once. The rest of the code reads `env`, never `process.env`.
 * Every variable is listed in README.md (Configuration).
 */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** PostgreSQL connection string; unset means the embedded PGlite database under DATA_DIR. */
    DATABASE_URL: z.url().optional(),
    /** Where the embedded database and the generated session secret live. */
    DATA_DIR: z.string().min(1).default(".data"),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "NEXTAUTH_SECRET must be at least 32 characters")
      .optional(),
    /**
     * Keys that encrypt secrets at rest (TOTP secrets): `id:base64key` entries, comma separated, the
     * first current (docs/decisions/023-secrets-at-rest.md).
     */
    DATA_ENCRYPTION_KEY: z.string().min(1).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    /** Default clinic time zone (IANA name) until an admin sets one. */
    CLINIC_TIME_ZONE: z
      .string()
      .default("UTC")
      .refine(isTimeZone, "CLINIC_TIME_ZONE must be an IANA time zone such as Europe/Paris"),
    /** Create the demo accounts and data on an empty database ("true"/"false"). */
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    /**
     * The first administrator's email: while the database has no active admin, `npm start` creates
     * the account and prints its invitation link (docs/decisions/033-first-run-setup.md).
     */
    ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an email address").optional(),
    /** Trust X-Forwarded-For from a reverse proxy in front of the app ("true"/"false"). */
    TRUST_PROXY: z.enum(["true", "false"]).default("false"),
    /** Mail server, e.g. smtp://user:pass@host:587; unset: emails stay in the outbox (/admin/outbox). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default(`${DEFAULT_SENDER_NAME} <no-reply@localhost>`),
    /**
     * Web push (docs/decisions/040-push-and-texts.md): the VAPID key pair, base64url, as made by
     * `npx web-push generate-vapid-keys`; unset: a pair is made at first use and kept in the
     * database (the private key encrypted). VAPID_SUBJECT: a mailto: or https: contact for the push
     * services; unset: mailto: with MAIL_FROM's address.
     */
    VAPID_PUBLIC_KEY: z.string().min(40).optional(),
    VAPID_PRIVATE_KEY: z.string().min(20).optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT must start with mailto: or https://")
      .optional(),
    /**
     * Text messages: "twilio" with TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_FROM (the sending
     * number, E.164); unset: texts stay in the outbox (/admin/outbox), as emails do without SMTP_URL.
     */
    SMS_PROVIDER: z.enum(["twilio"]).optional(),
    TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    SMS_FROM: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "SMS_FROM must be a phone number like +15550102030")
      .optional(),
    /** The public address used in emails' links; falls back to NEXTAUTH_URL, then localhost. */
    APP_URL: z.url().optional(),
    NEXTAUTH_URL: z.url().optional(),
    /** Run the job queue's workers inside `npm start` ("false" when `npm run worker` runs them). */
    JOBS_IN_APP: z.enum(["true", "false"]).default("true"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    /** Paper of visit reports unless a report asks for another ("A4" or "LETTER"). */
    REPORT_PAPER: z.enum(["A4", "LETTER"]).default("A4"),
  })
  .refine((e) => !e.SMS_PROVIDER || (e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.SMS_FROM), {
    path: ["SMS_PROVIDER"],
    message: "SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_FROM",
  })
  .refine((e) => Boolean(e.VAPID_PUBLIC_KEY) === Boolean(e.VAPID_PRIVATE_KEY), {
    path: ["VAPID_PUBLIC_KEY"],
    message: "set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither",
  });

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(
    // Empty strings mean "unset", as in most .env files.
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== "")),
  );
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ConfigError(
      `Invalid configuration: ${first?.path.join(".")}: ${first?.message ?? "invalid"}`,
    );
  }
  return result.data;
}

export const env: Env = parseEnv();

export const usesEmbeddedDatabase = (e: Env = env) => !e.DATABASE_URL;

export const dataDir = (e: Env = env) =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.DATA_DIR);

/**
 * The secret that signs sessions. With PostgreSQL in production it must be configured;
 * for the embedded default it is generated on first start and kept under DATA_DIR.
 */
export function resolveAuthSecret(e: Env = env): string {
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.DATABASE_URL && e.NODE_ENV === "production") {
    throw new ConfigError(
      "NEXTAUTH_SECRET is required when DATABASE_URL is set in production (generate one with: openssl rand -base64 48).",
    );
  }
  const dir = dataDir(e);
  const file = path.join(dir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Where the embedded default keeps its generated data-encryption keys. */
export const dataKeyFile = (e: Env = env) => path.join(dataDir(e), "data-encryption-key");

let ring: Keyring | null = null;

/**
 * The key ring for secrets at rest: DATA_ENCRYPTION_KEY, required with DATABASE_URL in production;
 * otherwise generated on first start and kept under DATA_DIR (where `npm run rotate-key` adds the
 * next key).
 */
export function dataKeyring(e: Env = env): Keyring {
  if (e === env && ring) return ring;
  let text = e.DATA_ENCRYPTION_KEY;
  if (!text) {
    if (e.DATABASE_URL && e.NODE_ENV === "production") {
      throw new ConfigError(
        "DATA_ENCRYPTION_KEY is required when DATABASE_URL is set in production (for example: key1:$(openssl rand -base64 32)).",
      );
    }
    const file = dataKeyFile(e);
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${newKeyEntry()}\n`, { mode: 0o600 });
    }
    text = readFileSync(file, "utf8");
  }
  const parsed = parseKeyring(text);
  if (e === env) ring = parsed;
  return parsed;
}

/** Forgets the key ring read so far (after `npm run rotate-key` changed it). */
export const reloadDataKeyring = () => {
  ring = null;
};

/** The portal's public base URL for links in emails, without a trailing slash. */
export const appUrl = (e: Env = env) =>
  (e.APP_URL ?? e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");

/** Whether the demo accounts may be created on an empty database. */
export const demoSeedingAllowed = (e: Env = env) =>
  e.SEED_DEMO ? e.SEED_DEMO === "true" : usesEmbeddedDatabase(e);
