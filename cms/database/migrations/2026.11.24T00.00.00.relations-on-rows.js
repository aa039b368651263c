'use strict';

/**
 * The many-to-one relations of the high-volume tables (applicants, cases, case_events) moved from
 * link tables to a column of the row ("useJoinTable": false in their schemas): one indexed column
 * instead of a link row with four indexes, which is most of what a bulk import writes. (An
 * event's actor followed in a later migration, 2026.11.24T12.00.00, with moveLinksToColumns.)
 *
 * Strapi runs this before it syncs the schema; the sync then adds the columns' foreign keys and
 * indexes and drops the link tables. So the links are copied into the columns here first, and
 * none is lost. A new database has no link tables and nothing to move.
 */
const MOVES = [
  { table: 'applicants', column: 'village_id', link: 'applicants_village_lnk', source: 'applicant_id', target: 'region_id' },
  { table: 'applicants', column: 'office_id', link: 'applicants_office_lnk', source: 'applicant_id', target: 'office_id' },
  { table: 'cases', column: 'applicant_id', link: 'cases_applicant_lnk', source: 'case_id', target: 'applicant_id' },
  { table: 'cases', column: 'office_id', link: 'cases_office_lnk', source: 'case_id', target: 'office_id' },
  { table: 'cases', column: 'assignee_id', link: 'cases_assignee_lnk', source: 'case_id', target: 'user_id' },
  { table: 'cases', column: 'batch_id', link: 'cases_batch_lnk', source: 'case_id', target: 'batch_id' },
  { table: 'case_events', column: 'case_id', link: 'case_events_case_lnk', source: 'case_event_id', target: 'case_id' },
];

/** The history's append-only triggers (database/append-only.ts) refuse this one update; bootstrap installs them again. */
async function liftHistoryGuard(knex) {
  if (knex.client.config.client === 'postgres' || knex.client.config.client === 'pg') {
    await knex.raw('drop trigger if exists case_events_append_only on case_events');
  } else {
    await knex.raw('drop trigger if exists case_events_no_update');
  }
}

/** Copies each link row's target into its row's column (adding the column if the sync hasn't yet). */
async function moveLinksToColumns(knex, moves) {
  let lifted = false;
  for (const m of moves) {
    if (!(await knex.schema.hasTable(m.table)) || !(await knex.schema.hasTable(m.link))) continue;
    if (!(await knex.schema.hasColumn(m.table, m.column))) {
      await knex.schema.alterTable(m.table, (t) => t.integer(m.column).unsigned());
    }
    if (m.table === 'case_events' && !lifted) {
      await liftHistoryGuard(knex);
      lifted = true;
    }
    await knex.raw(`update ?? set ?? = l.?? from ?? l where l.?? = ??.id`, [m.table, m.column, m.target, m.link, m.source, m.table]);
  }
}

async function up(knex) {
  await moveLinksToColumns(knex, MOVES);
}

module.exports = { up, moveLinksToColumns };
