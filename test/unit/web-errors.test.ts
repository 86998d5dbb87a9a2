import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../web/src/messages';

describe('server messages as a person reads them', () => {
  it('a message that names its field already reads as one sentence, not "Release date the release date: …"', () => {
    expect(fieldMessage('Release date', 'the release date can be at most 90 days after the requested start, i.e. by 2027-09-01')).toBe(
      'The release date can be at most 90 days after the requested start, i.e. by 2027-09-01',
    );
  });

  it('a message that reads on from its field keeps the label in front, and a sentence of its own follows a colon', () => {
    expect(fieldMessage('Closing date', 'must be after the opening date')).toBe('Closing date must be after the opening date');
    expect(fieldMessage('Posts', 'Too many for the allocations.')).toBe('Posts: Too many for the allocations.');
  });
});
