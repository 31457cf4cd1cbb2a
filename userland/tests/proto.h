/* Message types private to the in-guest test programs (not part of the system ABI). */
#ifndef TESTS_PROTO_H
#define TESTS_PROTO_H

#define PING_REQUEST 0x5100 /* payload int at M_PAYLOAD: counter; reply carries counter + 1 */
#define PING_STOP    0x5101 /* the server replies, then exits */

#endif
