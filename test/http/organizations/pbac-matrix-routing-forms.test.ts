import { describePbacMatrix } from "../../helpers/pbac-matrix";

// The PBAC matrix (test/helpers/pbac-matrix.ts) for Orgs / Routing forms and Orgs / Teams / Routing forms.
describePbacMatrix("routing-forms");
