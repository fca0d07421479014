/**
 * The x86-64 backend.
 */
package org.pyjit.x86;
