// Messages to applicants and staff. Callers queue a notification in the transaction of
// its cause (mostly by subscribing to appeal events); the delivery worker drains the queue
// to e-mail, SMS, Telegram, the portal and the print queue of paper letters. Also owns
// templates (kk/ru/en), staff alerts and the daily digest, and the outbox/letters API.
export { queueNotification, queueStaffNotification, cancelQueuedNotifications, type NotificationInput } from './notify.service.ts';
export { subscribeNotifications, applicantRoute } from './notify.subscriptions.ts';
export { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.ts';
export { notifyRoutes } from './notify.routes.ts';
export { render as renderNotification } from './templates.ts';
export { PermanentError, RetryLaterError, type ChannelSender, type OutgoingMessage, type SendResult } from './channel.ts';
