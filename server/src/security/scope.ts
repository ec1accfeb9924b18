import { divisionPrefix, isWithinDivision } from '@anqian/shared';
import type { StaffActor } from './staff-actor';
import { AppError } from '../errors';

/**
 * The one place that turns "who is asking" into "what they may see": a staff member sees their
 * own division and everything below it. Every scoped query adds this filter.
 */
export function divisionFilter(actor: StaffActor, field = 'divisionCode'): Record<string, unknown> {
  return { [field]: withinDivision(actor.divisionCode) };
}

/** The condition on a division-code field that keeps `divisionCode` and everything below it. */
export function withinDivision(divisionCode: string): { $regex: string } {
  return { $regex: `^${divisionPrefix(divisionCode)}` };
}

export function assertInScope(actor: StaffActor, divisionCode: string): void {
  if (!isWithinDivision(divisionCode, actor.divisionCode)) throw new AppError('OUT_OF_SCOPE');
}

export function isInScope(actor: StaffActor, divisionCode: string): boolean {
  return isWithinDivision(divisionCode, actor.divisionCode);
}

/** A division the caller's area lies in or contains: a village cadre's township, a township's own. */
export function overlapsScope(actor: StaffActor, divisionCode: string): boolean {
  return isInScope(actor, divisionCode) || isWithinDivision(actor.divisionCode, divisionCode);
}
