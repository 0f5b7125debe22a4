// Messages to applicants and staff. Callers queue a notification in the transaction of
// its cause (mostly by subscribing to appeal events); delivery drains the queue.
export { queueNotification, cancelQueuedNotifications, type NotificationInput } from './notify.service.ts';
export { subscribeNotifications, applicantRoute } from './notify.subscriptions.ts';
