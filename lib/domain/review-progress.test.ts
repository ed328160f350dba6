import { describe, expect, it } from 'vitest';
import { applicationWork, notStarted, shareDone, sortByWork, sortReviewersByWork } from './review-progress';

describe('applicationWork', () => {
  it('a missing reviewer comes before everything, then a disagreement, then outstanding reviews', () => {
    expect(applicationWork({ active: 2, submitted: 2, k: 3, disagreement: true })).toBe('needs_reviewer');
    expect(applicationWork({ active: 0, submitted: 0, k: 3, disagreement: false })).toBe('needs_reviewer');
    expect(applicationWork({ active: 3, submitted: 3, k: 3, disagreement: true })).toBe('disagreement');
    expect(applicationWork({ active: 3, submitted: 2, k: 3, disagreement: true })).toBe('disagreement');
    expect(applicationWork({ active: 3, submitted: 1, k: 3, disagreement: false })).toBe('awaiting_reviews');
    expect(applicationWork({ active: 3, submitted: 3, k: 3, disagreement: false })).toBe('complete');
  });

  it('an extra reviewer (more than k) is awaited until they submit too', () => {
    expect(applicationWork({ active: 4, submitted: 3, k: 3, disagreement: false })).toBe('awaiting_reviews');
    expect(applicationWork({ active: 4, submitted: 4, k: 3, disagreement: false })).toBe('complete');
  });
});

describe('sortByWork', () => {
  it('puts the admin’s work first, fewest submitted reviews first inside a group, then by reference', () => {
    const rows = [
      { reference: 'JG-A', active: 3, submitted: 3, k: 3, disagreement: false },
      { reference: 'JG-B', active: 3, submitted: 1, k: 3, disagreement: false },
      { reference: 'JG-C', active: 3, submitted: 3, k: 3, disagreement: true },
      { reference: 'JG-D', active: 2, submitted: 2, k: 3, disagreement: false },
      { reference: 'JG-E', active: 3, submitted: 0, k: 3, disagreement: false },
      { reference: 'JG-F', active: 1, submitted: 0, k: 3, disagreement: false },
      { reference: 'JG-0', active: 3, submitted: 3, k: 3, disagreement: false },
    ];
    expect(sortByWork(rows).map((r) => r.reference)).toEqual(['JG-F', 'JG-D', 'JG-C', 'JG-E', 'JG-B', 'JG-0', 'JG-A']);
    // A new array; the input keeps its order.
    expect(rows[0].reference).toBe('JG-A');
  });
});

describe('reviewer progress', () => {
  it('counts the reviews not started and the share done', () => {
    expect(notStarted({ active: 5, draft: 1, submitted: 2, declined: 1 })).toBe(2);
    expect(notStarted({ active: 0, draft: 0, submitted: 0, declined: 2 })).toBe(0);
    expect(shareDone({ active: 4, submitted: 1 })).toBe(0.25);
    expect(shareDone({ active: 3, submitted: 3 })).toBe(1);
    expect(shareDone({ active: 0, submitted: 0 })).toBeNull();
  });

  it('sorts the reviewers with the most unfinished reviews first, then the lowest share, then by name', () => {
    const rows = [
      { name: 'Ким Елена', active: 4, draft: 0, submitted: 4, declined: 0 },
      { name: 'Әлиев Бақыт', active: 4, draft: 1, submitted: 1, declined: 0 },
      { name: 'Бекова Дана', active: 2, draft: 0, submitted: 0, declined: 0 },
      { name: 'Абаев Ерлан', active: 6, draft: 0, submitted: 4, declined: 1 },
      { name: 'Жоқ Тұрар', active: 0, draft: 0, submitted: 0, declined: 2 },
      { name: 'Арман Сәт', active: 4, draft: 0, submitted: 4, declined: 0 },
    ];
    expect(sortReviewersByWork(rows).map((r) => r.name)).toEqual(['Әлиев Бақыт', 'Бекова Дана', 'Абаев Ерлан', 'Арман Сәт', 'Ким Елена', 'Жоқ Тұрар']);
  });
});
