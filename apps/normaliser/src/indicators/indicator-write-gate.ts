import { Injectable } from '@nestjs/common';

/**
 * One consumer batch at a time between locking its indicator rows and committing. Several
 * partitions are consumed at once; without this, two batches naming the same indicator
 * queue on its row lock in Postgres while holding a connection and their other locks.
 * With it, a batch does its lock-free work (parsing, normalising, sightings, report
 * outcomes) while another holds the gate, and the row locks never wait on each other
 * inside one process (across replicas they still serialise correctly in Postgres).
 */
@Injectable()
export class IndicatorWriteGate {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves when the caller holds the gate; call the returned function to release it. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => once(release));
    this.tail = this.tail.then(() => held);
    return turn;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}
