import { kioskTrpc } from "@/server/http/kiosk";

export { kioskTrpc as GET, kioskTrpc as POST };
