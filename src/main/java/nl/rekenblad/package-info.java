/**
 * rekenblad as a library: {@link nl.rekenblad.Rekenblad} lists every regulation once (the registry) and runs one
 * on a {@link nl.rekenblad.api.Source}. A new regulation is one new package and one line in that list.
 *
 * <p>May use: the regulation packages (to register them), {@code api}, {@code core}, and the internal input toolkit
 * and workbook engine (to recognise an input). API.
 */
package nl.rekenblad;
