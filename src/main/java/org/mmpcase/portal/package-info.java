/** The patient portal's server side: rendering a step from its deployed Camunda Form, drafts, translations. */
package org.mmpcase.portal;
