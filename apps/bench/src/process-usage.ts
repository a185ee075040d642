import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc times (`getconf CLK_TCK`; 100 on every common kernel). */
const TICKS_PER_SECOND = 100;

export interface ProcessUsage {
  /** User and system CPU time the process has used, from the kernel's own counters. */
  cpuMs: number;
  /** Resident set now, and the most it has been (the kernel's high-water mark). */
  rssMb: number;
  peakRssMb: number;
}

/** A process's CPU time and memory, read from /proc. */
export function processUsage(pid: number): ProcessUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return {
    cpuMs: (ticks * 1000) / TICKS_PER_SECOND,
    rssMb: kb('VmRSS') / 1024,
    peakRssMb: kb('VmHWM') / 1024,
  };
}

/** CPU milliseconds a process spent per unit of work between two readings. */
export const cpuMsPer = (before: ProcessUsage, after: ProcessUsage, units: number) =>
  units > 0 ? (after.cpuMs - before.cpuMs) / units : Number.NaN;
