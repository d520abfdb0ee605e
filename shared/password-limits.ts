/** How long a password may be: the server's rule, and the hint and counter on the forms. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;
