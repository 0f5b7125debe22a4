// Social media (channel 9): accounts connected per body and network, the networks' webhooks
// (Telegram, VK Callback API, Facebook and Instagram) and imports into one inbox deduplicated
// by the network's comment id, similar comments under one post grouped into an incident,
// triage into the register, replies under the comment through each network's API by the
// outbox, and daily monitoring. Owns the social_* tables.
export { socialRoutes } from './social.routes.ts';
export { connectAccount, type AccountInput } from './accounts.service.ts';
export { socialReplySender } from './reply-sender.ts';
export { NETWORKS, type Network } from './networks.ts';
