/**
 * The transfers board: one column per stage of 两法衔接, the transfers in it grouped by state. The API decides which
 * transfers the caller sees (`GET /api/transfers`); the board only sorts them into columns.
 */
import type { Transfer } from '../api/types';
import { isParty, whoseTurn, type Caller } from './steps';

export interface Lane {
  key: string;
  /** The states of this stage, in the order they follow each other. */
  states: readonly string[];
}

/** Every TransferState, each in one column. */
export const LANES: readonly Lane[] = [
  { key: 'deciding', states: ['REPORTED', 'APPROVED'] },
  { key: 'police', states: ['TRANSFERRED', 'PASSED_ON', 'RECEIVED', 'FILING_ORDERED'] },
  {
    key: 'notFiled',
    states: [
      'NOT_FILED',
      'RECONSIDERATION_REQUESTED',
      'NOT_FILED_UPHELD',
      'SUPERVISION_REQUESTED',
      'EXPLANATION_REQUESTED',
      'EXPLANATION_GIVEN',
    ],
  },
  { key: 'filed', states: ['FILED', 'ITEMS_HANDED_OVER'] },
  { key: 'administrative', states: ['REFUSED', 'CLOSED_NOT_FILED', 'RETURNED', 'RETURN_ACCEPTED', 'OUTCOME_RECORDED'] },
];

/** A state the board does not know goes to the last column rather than nowhere. */
const OTHER_LANE = LANES[LANES.length - 1].key;

export interface StateGroup {
  state: string;
  transfers: Transfer[];
}

export interface LaneView {
  key: string;
  count: number;
  groups: StateGroup[];
}

/** The columns with their non-empty state groups, each group in the API's order (last updated first). */
export function board(transfers: readonly Transfer[]): LaneView[] {
  const lanes = LANES.map((lane) => ({ key: lane.key, count: 0, groups: new Map<string, Transfer[]>(lane.states.map((s) => [s, []])) }));
  for (const transfer of transfers) {
    const lane =
      lanes.find((l) => l.groups.has(transfer.state)) ?? lanes.find((l) => l.key === OTHER_LANE)!;
    if (!lane.groups.has(transfer.state)) lane.groups.set(transfer.state, []);
    lane.groups.get(transfer.state)!.push(transfer);
    lane.count += 1;
  }
  return lanes.map((lane) => ({
    key: lane.key,
    count: lane.count,
    groups: [...lane.groups]
      .filter(([, list]) => list.length > 0)
      .map(([state, list]) => ({ state, transfers: list })),
  }));
}

/** Whether one of the steps allowed now is the caller's to take. */
export function callersTurn(transfer: Transfer, caller: Caller | null): boolean {
  return whoseTurn(transfer).some((turn) => isParty(caller, turn));
}
