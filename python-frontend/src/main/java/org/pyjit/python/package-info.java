/**
 * pyjit: the CPython front end.
 */
package org.pyjit.python;
