import { describePbacMatrix } from "../../helpers/pbac-matrix";

// The PBAC matrix (test/helpers/pbac-matrix.ts) for Orgs / Attributes and Orgs / Attributes / Options.
describePbacMatrix("attributes");
