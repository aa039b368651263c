'use strict';

/**
 * An event's actor (the staff account that acted) moved from its link table to a column of the
 * event row, like the event's case before it: an import writes one "open" event per row, and
 * the link row with its four indexes was a seventh of what a proposal cost. Deleting an account
 * sets the column to null (the foreign key's ON DELETE SET NULL), which the history's
 * append-only guard lets through (database/append-only.ts); the event keeps the actor's name
 * and role. Runs before Strapi's schema sync drops the link table, as the first move did.
 */
const { moveLinksToColumns } = require('./2026.11.24T00.00.00.relations-on-rows');

async function up(knex) {
  await moveLinksToColumns(knex, [{ table: 'case_events', column: 'actor_id', link: 'case_events_actor_lnk', source: 'case_event_id', target: 'user_id' }]);
}

module.exports = { up };
