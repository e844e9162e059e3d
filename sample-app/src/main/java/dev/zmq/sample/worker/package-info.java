/**
 * The request worker: a PULL listener handling the front's requests and publishing each answer under the front's id.
 */
@NullMarked
package dev.zmq.sample.worker;

import org.jspecify.annotations.NullMarked;
