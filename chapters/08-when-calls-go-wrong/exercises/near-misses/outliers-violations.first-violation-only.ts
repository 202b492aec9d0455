// Near-miss for exercise 08-B: the reference solution, except that it reports only the first violation.
// The exercise's test must fail against it (the workbook checks that it does).
import type { pb } from '../../../../generated/static/outliers.ts';
import { badRequest, type FieldViolation } from '../../../shared/rich-error.ts';

export function checkOutliersRequest(request: pb.OutliersRequest): void {
  const violations: FieldViolation[] = [];
  if (request.metrics.length === 0) violations.push({ field: 'metrics', description: 'must hold at least one metric' });
  request.metrics.forEach((metric, index) => {
    const at = `metrics[${index}]`;
    if (!metric.has_time) violations.push({ field: `${at}.time`, description: 'is missing' });
    if (metric.name === '') violations.push({ field: `${at}.name`, description: 'must not be empty' });
    if (!Number.isFinite(metric.value)) violations.push({ field: `${at}.value`, description: `must be a finite number, got ${metric.value}` });
  });
  if (violations.length > 0) throw badRequest(violations.slice(0, 1));
}
