import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

const handler = (req: NextRequest, ctx: RouteContext) => NextAuth(req, ctx, getAuthOptions());

export { handler as GET, handler as POST };
