/** A complaint as the staff API lists and shows it (GET /api/panel/complaints). */
export interface Complaint {
  id: string;
  channel: string;
  status: string;
  text: string | null;
  anonymous: boolean;
  reporterName: string | null;
  receivedAt?: string | null;
  dueAt?: string | null;
  repliedAt?: string | null;
}
