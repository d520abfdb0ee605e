/** The request header proxy.ts sets to the page's path, so that a refused page can be named. */
export const PATH_HEADER = "x-portal-path";
