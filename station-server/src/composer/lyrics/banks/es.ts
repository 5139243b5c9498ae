// Spanish lyric bank: tú, octosyllable-like lines, assonant and consonant end rhyme; gender-neutral
// toward the recipient (no adjective that must agree with them).
import type { LyricBank } from '../bank.js';

export const ES: LyricBank = {
  verse: {
    love: [
      ['Desde que llegaste tú', 'todo tiene otra luz'],
      ['Tu risa llena mi casa', 'y el tiempo ya no pasa'],
      ['Contigo el camino es corto', 'y el mundo entero es otro'],
    ],
    gratitude: [
      ['Me diste más de lo que pido', 'me diste un lugar, un nido'],
      ['Cuando no supe qué hacer', 'tú me enseñaste a creer'],
      ['Por cada noche en vela', 'por cada mano que consuela'],
    ],
    encouragement: [
      ['La montaña se ve alta', 'pero un paso es lo que falta'],
      ['Si la duda grita fuerte', 'canta más alto que la suerte'],
      ['La tormenta va a pasar', 'y el sol vuelve a brillar'],
    ],
    celebration: [
      ['Enciende velas, sube el son', 'que hoy se baila con el corazón'],
      ['Otro año, otra aventura', 'una página nueva y pura'],
      ['Llama a todos, que hay fiesta', 'la noche entera es la respuesta'],
    ],
    apology: [
      ['Dije cosas sin pensar', 'y hoy las quiero borrar'],
      ['Sé que mi silencio dolió', 'y quien falló fui yo'],
      ['Perdón por cada palabra', 'que como piedra te alcanza'],
    ],
    'missing-you': [
      ['Tu silla sigue vacía', 'y la casa está tan fría'],
      ['Cuento los días y las horas', 'te busco en todas las auroras'],
      ['La ciudad ya no es igual', 'sin tu risa en el portal'],
    ],
    pride: [
      ['Te vi crecer, te vi luchar', 'y hoy te vi por fin llegar'],
      ['Trabajaste sin descanso', 'y hoy el mundo va a tu paso'],
      ['Seguiste bajo la lluvia', 'con un valor que no se nubla'],
    ],
  },
  chorus: {
    love: [
      { title: 'Solo Tú', lines: ['Ay, {name}, solo tú', 'eres mi cielo y mi luz', 'en cada paso estás tú', 'ay, {name}, solo tú'] },
      { title: 'Mi Canción', lines: ['{name}, eres mi canción', 'el latido de mi corazón', 'mi verano y mi razón', '{name}, eres mi canción'] },
    ],
    gratitude: [
      { title: 'Gracias', lines: ['Gracias, {name}, por estar', 'por tu forma de cuidar', 'por enseñarme a volar', 'gracias, {name}, por estar'] },
      { title: 'Gracias por Todo', lines: ['{name}, gracias por todo', 'lo que diste sin medida', 'eres luz en mi vida', '{name}, gracias por todo'] },
    ],
    encouragement: [
      { title: 'Tú Puedes', lines: ['Vamos, {name}, tú puedes', 'no hay nada que te frene', 'la fuerza que tú tienes', 'vamos, {name}, tú puedes'] },
      { title: 'Vuela Alto', lines: ['Vuela alto, {name}, vuela', 'que el cielo ya te espera', 'no mires atrás, no temas', 'vuela alto, {name}, vuela'] },
    ],
    celebration: [
      { title: 'Hoy Es Tu Día', lines: ['Hoy es tu día, {name}', 'que suene la alegría', 'brindemos con poesía', 'hoy es tu día, {name}'] },
      { title: 'A Celebrar', lines: ['{name}, vamos a celebrar', 'la música no va a parar', 'levanta las manos ya', '{name}, vamos a celebrar'] },
    ],
    apology: [
      { title: 'Perdóname', lines: ['{name}, perdóname', 'sé muy bien que te fallé', 'con hechos lo arreglaré', '{name}, perdóname'] },
      { title: 'Déjame Intentar', lines: ['{name}, déjame intentar', 'lo que rompí quiero sanar', 'contigo quiero hablar', '{name}, déjame intentar'] },
    ],
    'missing-you': [
      { title: 'Te Extraño', lines: ['{name}, te extraño tanto', 'desde que te fuiste, canto', 'y en cada verso te guardo', '{name}, te extraño tanto'] },
      { title: 'Vuelve Pronto', lines: ['Vuelve pronto, {name}, vuelve', 'que la luna no se duerme', 'mi canción te espera siempre', 'vuelve pronto, {name}, vuelve'] },
    ],
    pride: [
      { title: 'Qué Orgullo', lines: ['{name}, qué orgullo siento', 'eres fuego, eres viento', 'lo lograste a tu tiempo', '{name}, qué orgullo siento'] },
      { title: 'Lo Lograste', lines: ['Lo lograste, {name}', 'subiste hasta la cima', 'tu nombre ya brilla', 'lo lograste, {name}'] },
    ],
  },
  bridge: {
    love: [['Y si el mundo se cayera', 'yo te encontraría donde fuera']],
    gratitude: [['Nunca lo dije lo suficiente', 'hoy te lo canto para siempre']],
    encouragement: [['Y si caes, aquí estoy', 'te levanto, a tu lado voy']],
    celebration: [['Una canción y un baile más', 'una noche que no olvidarás']],
    apology: [['No puedo borrar el ayer', 'pero puedo aprender a querer']],
    'missing-you': [['Cierra los ojos, aquí estaré', 'en esta canción te abrazaré']],
    pride: [['Desde el primer paso hasta el final', 'nadie te pudo parar']],
  },
  vibe: {
    upbeat: [['Sube el volumen, siente el son', 'el sol ya baila en el balcón']],
    heartfelt: [['Escribo esto con el alma', 'con la voz serena y en calma']],
    calm: [['Despacio, la tarde es suave', 'la luz descansa en la calle']],
    epic: [['Estamos al borde del cielo', 'con la bandera en pleno vuelo']],
    playful: [['Da una vuelta, haz una mueca', 'que la risa nunca se seca']],
    nostalgic: [['¿Te acuerdas del verano aquel,', 'bicis, lluvia y sabor a miel?']],
  },
  any: [
    ['Esta canción es para ti', 'nació de todo lo que viví'],
    ['Venga lo que venga mañana', 'te cantaré desde mi ventana'],
  ],
  rhymes: [
    { words: ['ti', 'mi', 'aqui', 'asi', 'vivi', 'senti', 'fui', 'di', 'si'], lines: ['todo lo que soy es por ti', 'lo siento muy dentro de mí'] },
    { words: ['amor', 'corazon', 'razon', 'cancion', 'flor', 'mejor', 'calor', 'voz', 'sol', 'yo', 'adios', 'dos'], lines: ['te llevo siempre en el corazón', 'eres mi fuerza y mi razón'] },
    { words: ['vida', 'querida', 'querido', 'dia', 'alegria', 'mia', 'todavia', 'familia', 'medida'], lines: ['eres la luz de mi vida', 'mi alegría de cada día'] },
    { words: ['todo', 'modo', 'solo', 'otro', 'pronto', 'poco', 'loco', 'fondo'], lines: [['te lo agradezco todo', ['gratitude', 'love', 'pride', 'celebration', 'missing-you']], 'te quiero a mi modo'] },
    { words: ['siempre', 'fuerte', 'suerte', 'verte', 'quererte', 'gente', 'frente', 'presente', 'mente', 'siente'], lines: ['te llevo conmigo siempre', 'contigo soy más fuerte'] },
    { words: ['mundo', 'segundo', 'profundo', 'mucho', 'juntos', 'rumbo', 'uno'], lines: ['eres lo mejor del mundo', 'te pienso cada segundo'] },
    { words: ['hora', 'ahora', 'sola', 'ola', 'todas', 'gloria', 'boda'], lines: ['te pienso a cada hora', 'te canto aquí y ahora'] },
    { words: ['carino', 'camino', 'destino', 'contigo', 'amigo', 'conmigo', 'sigo', 'digo', 'muchisimo', 'lindo'], lines: ['eres parte de mi camino', 'quiero seguir contigo'] },
    { words: ['casa', 'alma', 'calma', 'manana', 'palabra', 'gracias', 'hermana', 'pasa', 'abraza'], lines: ['eres calma para mi alma', 'eres la luz de mi mañana'] },
    { words: ['hermano', 'mano', 'ano', 'abrazo', 'paso', 'tanto', 'canto', 'regalo', 'cumpleanos', 'anos'], lines: ['siempre estás de mi mano', ['eres mi mejor regalo', ['love', 'gratitude', 'encouragement', 'celebration', 'missing-you', 'pride']]] },
    { words: ['estar', 'mar', 'volar', 'amar', 'cantar', 'hogar', 'lugar', 'verdad', 'paz', 'mas', 'jamas', 'celebrar'], lines: ['nunca te voy a olvidar', 'contigo quiero estar'] },
    { words: ['ser', 'fe', 'se', 'bien', 'tambien', 'querer', 'ayer', 'vez', 'despues', 'creer'], lines: ['siempre te voy a querer', 'contigo todo está bien'] },
  ],
  free: ['y te lo digo de verdad', 'escucha bien lo que te digo', 'eso te quería decir', 'te lo repito una vez más'],
  shortFrames: ['{phrase}, de verdad', 'te digo: {phrase}'],
};
