/**
 * Machine layer shared by the backends.
 */
package org.pyjit.codegen;
