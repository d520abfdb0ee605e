// What a user is told while the database cannot be reached (the error page, tRPC's 503, the
// outage page of the start script): one sentence, shown in the browser too.
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The portal cannot reach its database right now. Your entry is safe on this device; we will retry.";
