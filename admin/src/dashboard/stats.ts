/** The staff API's dashboard answers, GET /api/panel/stats/<name> (cms/src/api/stats). */

export interface CasesByService {
  services: { service: string; title: string; total: number; statuses: Record<string, number> }[];
}

export interface SlaByActivity {
  activities: {
    service: string;
    title: string;
    activity: number | null;
    open: number;
    activityOverdue: number;
    finished: number;
    finishedLate: number;
    finishedOnTimeRate: number | null;
  }[];
}

export interface SlaByMonth {
  months: { month: string; closed: number; onTime: number; late: number; onTimeRate: number | null }[];
}

export interface BacklogByVillage {
  villages: { village: string; name: string; open: number; overdue: number }[];
}

/** A row of the service-standards resource, as the pickers read it. */
export interface ServiceStandardRow {
  id: string;
  slug: string;
  title: string;
}
