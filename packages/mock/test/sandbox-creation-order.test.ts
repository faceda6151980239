// The retention's record of what was created through the API, oldest first: the oldest present id
// in constant time however many were dropped before it, in creation order, across compactions.
import { describe, expect, it } from 'vitest';
import { CreationOrder } from '../src/sandbox/creation-order.js';

describe('creation order', () => {
  it('gives the oldest id still present and iterates in creation order after many drops from the front', () => {
    const order = new CreationOrder();
    for (let i = 0; i < 5000; i += 1) order.add(`id${i}`);
    for (let i = 0; i < 4000; i += 1) {
      expect(order.oldest()).toBe(`id${i}`);
      order.delete(order.oldest()!);
      order.add(`id${5000 + i}`);
    }
    expect(order.size).toBe(5000);
    expect(order.oldest()).toBe('id4000');
    order.delete('id4001');
    order.delete('id8999');
    expect(order.has('id4001')).toBe(false);
    const ids = [...order];
    expect(ids.length).toBe(4998);
    expect(ids.slice(0, 3)).toEqual(['id4000', 'id4002', 'id4003']);
    expect(ids.at(-1)).toBe('id8998');
  });

  it('an id added again after it was dropped counts from its new place, and adding a present id changes nothing', () => {
    const order = new CreationOrder();
    ['a', 'b', 'c'].forEach((id) => order.add(id));
    order.delete('a');
    order.add('a');
    order.add('b');
    expect([...order]).toEqual(['b', 'c', 'a']);
    expect(order.oldest()).toBe('b');
    expect(order.size).toBe(3);
  });
});
