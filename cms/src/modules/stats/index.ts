/**
 * The dashboard's figures (/api/panel/stats/*): cases per service and status, SLA, backlog, IKM.
 * This file is the module's front door: other code imports only from here.
 */
export { default as statsServiceFactory } from './stats';
