import { randomUUID } from 'node:crypto';
import type { ClientLogging, MessageRecord, Reference } from './records';
import type { CommercetoolsSimState, ProjectData } from './state';

/** One message an effective change produces: its type and its own fields. */
export interface EmittedMessage {
  type: string;
  payload: Record<string, unknown>;
}

/** A change notification (ChangeSubscription): created, updated or deleted. */
export interface ChangeNotice {
  notificationType: 'ResourceCreated' | 'ResourceUpdated' | 'ResourceDeleted';
  resource: Reference;
  resourceUserProvidedIdentifiers: Record<string, string>;
  version: number;
  oldVersion?: number;
  modifiedAt: string;
}

/** Where emitted messages and change notices go once stored (the subscriptions' delivery). */
export interface EventSink {
  messages(project: ProjectData, messages: MessageRecord[]): void;
  change(project: ProjectData, change: ChangeNotice): void;
}

/** The resource a set of messages is about, at the version the change left it. */
export interface MessageSubject {
  resource: Reference;
  resourceVersion: number;
  identifiers: Record<string, string>;
  by: ClientLogging;
}

/**
 * Stores messages (Messages API) with the base fields the platform sets: a fresh id, version 1,
 * the next sequence number of the resource, the resource version after the change, its
 * user-provided identifiers, `createdAt` = `lastModifiedAt` = now, and who made the change.
 */
export class ProjectEvents {
  private sinks: EventSink[] = [];

  constructor(private readonly state: CommercetoolsSimState) {}

  subscribe(sink: EventSink): void {
    this.sinks.push(sink);
  }

  emit(project: ProjectData, subject: MessageSubject, emitted: EmittedMessage[]): MessageRecord[] {
    if (emitted.length === 0) return [];
    const at = this.state.isoNow();
    const messages = emitted.map(({ type, payload }): MessageRecord => ({
      id: randomUUID(),
      version: 1,
      createdAt: at,
      lastModifiedAt: at,
      lastModifiedBy: subject.by,
      createdBy: subject.by,
      sequenceNumber: project.nextSequence(subject.resource.id),
      resource: subject.resource,
      resourceVersion: subject.resourceVersion,
      type,
      resourceUserProvidedIdentifiers: subject.identifiers,
      ...payload,
    }));
    project.messages.push(...messages);
    for (const sink of this.sinks) sink.messages(project, messages);
    return messages;
  }

  changed(project: ProjectData, change: ChangeNotice): void {
    for (const sink of this.sinks) sink.change(project, change);
  }
}
