// Exercise 08-B: refuse a bad OutliersRequest with every violation at once.
//
// Implement checkOutliersRequest(request): return if the request is fine;
// otherwise throw badRequest(violations) (chapters/shared/rich-error.ts), with
// one violation per problem, in this order: metric by metric, and within a
// metric time, name, value:
//   field "metrics"            "must hold at least one metric"  (and nothing else)
//   field "metrics[2].time"    "is missing"
//   field "metrics[2].name"    "must not be empty"
//   field "metrics[2].value"   "must be a finite number, got NaN"  (or Infinity, -Infinity)
// The client then finds the whole list in the call's google.rpc.BadRequest
// details, and the same list, joined with "; ", in the status message.
//
// Check your work: npm run exercises -- 08
import type { pb } from '../../../generated/static/outliers.ts';

export function checkOutliersRequest(request: pb.OutliersRequest): void {
  // TODO: collect FieldViolations and throw badRequest(violations) if there are any.
  // A Metric's has_time says whether its time was sent.
  void request;
}
