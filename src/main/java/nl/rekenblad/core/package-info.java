/**
 * The calculation core: {@link nl.rekenblad.core.Money}, {@link nl.rekenblad.core.Period}, and the step model
 * ({@link nl.rekenblad.core.Expr}, {@link nl.rekenblad.core.Step}, {@link nl.rekenblad.core.Calculation},
 * {@link nl.rekenblad.core.Layout}): each figure defined once, giving the Java value, the cell formula and the
 * explanation line. Also the problems reported on input ({@link nl.rekenblad.core.Problem},
 * {@link nl.rekenblad.core.InvalidInputException}) and the legal form.
 *
 * <p>May use: the JDK only (no POI, no files). API.
 */
package nl.rekenblad.core;
