/** The admin pages use the same stub transport as the academy pages: answers by action, records every call. */
export { actions, serve, type Sent } from '../academy/serve';
