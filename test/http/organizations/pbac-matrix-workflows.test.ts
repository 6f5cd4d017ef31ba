import { describePbacMatrix } from "../../helpers/pbac-matrix";

// The PBAC matrix (test/helpers/pbac-matrix.ts) for Orgs / Teams / Workflows.
describePbacMatrix("workflows");
