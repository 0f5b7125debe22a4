// Routing help: the topic and the competent body suggested from an appeal's text (a naive
// Bayes model shipped with the code plus the register's own history, retrained daily), the
// triage decision recorded against it, and groups of near-identical open appeals answered
// at once. Owns routing_model and routing_suggestion.
export { routingRoutes } from './routing.routes.ts';
export { subscribeRouting } from './routing.service.ts';
export { trainRoutingModel, startRoutingRetrain, TRAIN_LIMIT } from './train.ts';
