import { describePbacMatrix } from "../../helpers/pbac-matrix";

// The PBAC matrix (test/helpers/pbac-matrix.ts) for org memberships, org teams and their memberships, org
// bookings, roles and role permissions. Attributes and routing forms: pbac-matrix-{attributes,routing-forms}.test.ts.
describePbacMatrix("memberships-teams-bookings-roles");
