declare module 'ssml-builder' {
  class Speech {
    say(text: string): this;
    pause(duration: string): this;
    pauseByStrength(strength: string): this;
    sayAs(options: { word: string; interpret?: string; format?: string }): this;
    emphasis(level: string, word: string): this;
    sub(alias: string, word: string): this;
    phoneme(alphabet: string, ph: string, word: string): this;
    sentence(text: string): this;
    ssml(excludeSpeakTag?: boolean): string;
  }
  export default Speech;
}
