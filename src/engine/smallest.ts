/** The k smallest items of a stream, by a key of two numbers, kept in a bounded max-heap: a view
 * of a heavy run picks the few hundred it can draw out of a hundred thousand without sorting or
 * copying them all. Once full, an item that would not be kept costs one comparison. */
export class Smallest<T> {
  private readonly items: T[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  constructor(readonly k: number) {}

  /** Would an item with this key be kept? Ask first when making the item costs something. */
  accepts(a: number, b: number): boolean {
    if (this.items.length < this.k) return this.k > 0;
    return a < this.a[0]! || (a === this.a[0]! && b < this.b[0]!);
  }

  offer(a: number, b: number, item: T): void {
    if (!this.accepts(a, b)) return;
    if (this.items.length < this.k) {
      this.items.push(item);
      this.a.push(a);
      this.b.push(b);
      this.up(this.items.length - 1);
      return;
    }
    this.items[0] = item;
    this.a[0] = a;
    this.b[0] = b;
    this.down(0);
  }

  /** The kept items, smallest first. */
  sorted(): T[] {
    const order = this.items.map((_, i) => i);
    order.sort((i, j) => this.a[i]! - this.a[j]! || this.b[i]! - this.b[j]!);
    return order.map((i) => this.items[i]!);
  }

  private greater(i: number, j: number): boolean {
    return this.a[i]! > this.a[j]! || (this.a[i] === this.a[j] && this.b[i]! > this.b[j]!);
  }

  private swap(i: number, j: number): void {
    [this.items[i], this.items[j]] = [this.items[j]!, this.items[i]!];
    [this.a[i], this.a[j]] = [this.a[j]!, this.a[i]!];
    [this.b[i], this.b[j]] = [this.b[j]!, this.b[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.greater(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < n && this.greater(l, top)) top = l;
      if (r < n && this.greater(r, top)) top = r;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
}
